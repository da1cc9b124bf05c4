import { Transform } from 'class-transformer';

/**
 * Query strings arrive as text: "12" becomes 12, and anything that is not a plain number ("abc",
 * "", a repeated parameter) becomes NaN, which the number validators then reject with a 400
 * naming the parameter. Number("") would be 0, hence no bare @Type(() => Number).
 */
export function QueryNumber(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (value === undefined || typeof value === 'number') return value;
    return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  });
}
