import { describe, expect, it } from '@jest/globals';
import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from './api-number.decorator.js';
import { ANY, FLOAT, INT, isDtoClass, wireShapeOf } from './wire-shape.js';

class InnerDto {
  @ApiDouble() score!: number;
  @ApiInteger() count!: number;
}

class OuterDto {
  @ApiProperty() name!: string;
  @ApiProperty() flag!: boolean;
  @ApiDouble({ nullable: true }) eta!: number | null;
  @ApiInteger({ format: 'int64' }) bytes!: number;
  @ApiDouble({ isArray: true }) per_core!: number[];
  @ApiProperty({ type: InnerDto }) inner!: InnerDto;
  @ApiProperty({ type: [InnerDto] }) list!: InnerDto[];
  @ApiProperty({ type: () => InnerDto, nullable: true }) lazy!: InnerDto | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) weights!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ type: () => OuterDto, nullable: true }) parent!: OuterDto | null;
}

class BareNumberDto {
  @ApiProperty() value!: number;
}

describe('wireShapeOf', () => {
  it('reads number forms, nesting, arrays, lazy types and maps from the @ApiProperty metadata', () => {
    const shape = wireShapeOf(OuterDto);
    const inner = wireShapeOf(InnerDto);
    expect(inner.fields).toEqual(
      new Map([
        ['score', FLOAT],
        ['count', INT],
      ]),
    );
    expect(Object.fromEntries(shape.fields)).toEqual({
      name: ANY,
      flag: ANY,
      eta: FLOAT,
      bytes: INT,
      per_core: { kind: 'array', items: FLOAT },
      inner,
      list: { kind: 'array', items: inner },
      lazy: inner,
      weights: { kind: 'map', values: FLOAT },
      details: ANY,
      parent: shape,
    });
  });

  it('builds a class once', () => {
    expect(wireShapeOf(InnerDto)).toBe(wireShapeOf(InnerDto));
  });

  it('refuses a number declared without integer or double, naming the field', () => {
    expect(() => wireShapeOf(BareNumberDto)).toThrow('BareNumberDto.value: declare the number as an integer or a double');
  });

  it('tells DTO classes from other values', () => {
    expect(isDtoClass(InnerDto)).toBe(true);
    expect(isDtoClass(String)).toBe(false);
    expect(isDtoClass(() => InnerDto)).toBe(false);
  });
});
