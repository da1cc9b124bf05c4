import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

// Every number of a DTO is declared with one of these, never as a bare `number`: the OpenAPI
// document then says `integer` or `number`/`double` for each field, and the wire serializer
// (wire-shape.ts) writes it in that form. A bare Number fails when the shape is built.

/** A float-typed field (SPEC §4 "Number types"): `type: number, format: double`, written `0.0`, `85.0`, `1e-05`. */
export function ApiDouble(options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ ...options, type: 'number', format: 'double' } as ApiPropertyOptions);
}

/** An integer field: `type: integer` (`format: int64` for counts that outgrow 32 bits, such as bytes). */
export function ApiInteger(options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ ...options, type: 'integer' } as ApiPropertyOptions);
}
