import { ApiProperty } from '@nestjs/swagger';
import { CpuComponentDto } from './cpu-component.dto.js';
import { DisksComponentDto } from './disks-component.dto.js';
import { MemoryComponentDto } from './memory-component.dto.js';
import { Float, Status, Text } from './wire-types.js';

export class HardwareComponentsDto {
  @ApiProperty({ type: CpuComponentDto }) cpu!: CpuComponentDto;
  @ApiProperty({ type: MemoryComponentDto }) memory!: MemoryComponentDto;
  @ApiProperty({ type: DisksComponentDto }) disks!: DisksComponentDto;
}

// docs/extras.md "Hardware health": GET /hardware/health and /hardware/test.
export class HardwareHealthDto {
  @ApiProperty({ enum: [true], example: true }) ok!: true;
  @Float({ example: 1796179665.11, description: 'unix seconds when the oldest component shown was measured' }) ts!: number;
  @Status({ description: 'the worst component status (healthy < unknown < warning < critical)' }) overall!: string;
  @ApiProperty({ type: HardwareComponentsDto }) components!: HardwareComponentsDto;
}

/** The earlier engine's error body: 422 for an unknown /hardware/test target, 200 for an unexpected failure. */
export class HardwareErrorDto {
  @ApiProperty({ enum: [false], example: false }) ok!: false;
  @Text({ example: "invalid hardware test target 'gpu'; use cpu, memory, or disk" }) error!: string;
}
