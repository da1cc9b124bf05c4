// The wire's public surface (SPEC §4 "Number types"): the number decorators every DTO uses, the
// shapes built from them, and the writer that spells floats as the earlier engine does. Other
// modules import from here; the files under wire/ are this folder's own.
export { ApiDouble, ApiInteger } from './wire/api-number.decorator.js';
export { pythonFloat } from './wire/python-float.js';
export { toWireJson } from './wire/wire-json.js';
export { ANY, FLOAT, INT, isDtoClass, wireShapeOf, type WireArray, type WireLeaf, type WireMap, type WireObject, type WireShape } from './wire/wire-shape.js';
