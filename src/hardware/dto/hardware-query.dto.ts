import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

// The boolean words the earlier engine (FastAPI) accepts; anything else stays a string and fails @IsBoolean.
const WORDS: Record<string, boolean> = { true: true, '1': true, yes: true, on: true, false: false, '0': false, no: false, off: false };

export class HardwareHealthQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'probe now instead of serving measurements younger than 30 s' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && Object.hasOwn(WORDS, value.toLowerCase()) ? WORDS[value.toLowerCase()] : value))
  @IsBoolean()
  refresh?: boolean;
}

export class HardwareTestQueryDto {
  @ApiProperty({ example: 'cpu', description: 'cpu, memory or disk (disks also works); trimmed, any case' })
  @IsString()
  @MaxLength(64)
  target!: string;
}
