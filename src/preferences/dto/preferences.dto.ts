import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsNumber, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiDouble } from '../../common/wire.js';
import { ANOMALY_SENSITIVITIES as SENSITIVITIES, splitProcessNames, type PreferencesRecord } from '../preferences.record.js';

// SPEC §5 "Preferences": the body of GET /preferences and of PUT /preferences' answer.
export class PreferencesDto implements PreferencesRecord {
  @ApiDouble({ example: 85, minimum: 1, maximum: 100 }) alert_cpu_percent!: number;
  @ApiDouble({ example: 85, minimum: 1, maximum: 100 }) alert_memory_percent!: number;
  @ApiDouble({ example: 80, minimum: 1, maximum: 100 }) alert_disk_pressure!: number;
  @ApiProperty({ example: false }) safeguard_enabled!: boolean;
  @ApiProperty({ type: [String], example: [] }) safeguard_process_names!: string[];
  @ApiProperty({ enum: SENSITIVITIES, example: 'normal' }) anomaly_sensitivity!: (typeof SENSITIVITIES)[number];
}

// Thresholds outside 1–100 are clamped (SPEC §5); only finite numbers within ±1e6 are accepted at all.
// No `maxDecimalPlaces`: class-validator throws on a number that prints in exponent form (1e-7),
// which would answer 500 instead of clamping it.
const THRESHOLD = { allowNaN: false, allowInfinity: false };

/**
 * An omitted key keeps its value; an explicit `null` is not "omitted" (it is a 400 naming the field),
 * unlike class-validator's IsOptional, which lets null through.
 */
const OmittableNotNull = () =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: ({ property }) => `${property} must not be null (omit the key to keep its value)` }),
  );

/** PUT /preferences: any subset of the preferences; omitted keys keep their current value. */
export class UpdatePreferencesDto {
  @ApiDouble({ required: false, example: 90, description: 'clamped to 1–100' })
  @OmittableNotNull()
  @IsNumber(THRESHOLD)
  @Min(-1e6)
  @Max(1e6)
  alert_cpu_percent?: number;

  @ApiDouble({ required: false, example: 90, description: 'clamped to 1–100' })
  @OmittableNotNull()
  @IsNumber(THRESHOLD)
  @Min(-1e6)
  @Max(1e6)
  alert_memory_percent?: number;

  @ApiDouble({ required: false, example: 80, description: 'clamped to 1–100' })
  @OmittableNotNull()
  @IsNumber(THRESHOLD)
  @Min(-1e6)
  @Max(1e6)
  alert_disk_pressure?: number;

  @ApiPropertyOptional({ example: false, description: 'a JSON boolean only: the string "false" is a 400' })
  @OmittableNotNull()
  @IsBoolean()
  safeguard_enabled?: boolean;

  @ApiPropertyOptional({
    oneOf: [{ type: 'array', items: { type: 'string' }, maxItems: 100 }, { type: 'string' }],
    example: ['backup.exe'],
    description: 'a list, or one string split on newlines, commas and semicolons; stored trimmed, lower case, sorted, with `.exe` added on Windows',
  })
  @OmittableNotNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? splitProcessNames(value) : value))
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  safeguard_process_names?: string[];

  @ApiPropertyOptional({ enum: SENSITIVITIES, example: 'normal' })
  @OmittableNotNull()
  @IsIn(SENSITIVITIES)
  anomaly_sensitivity?: (typeof SENSITIVITIES)[number];
}

export class PreferencesUpdatedDto {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiProperty({ type: PreferencesDto }) preferences!: PreferencesDto;
}
