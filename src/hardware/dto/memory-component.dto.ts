import { ApiProperty } from '@nestjs/swagger';
import { Float, Int, Issues, MeasuredDto, Status, Text } from './wire-types.js';

// docs/extras.md "Hardware health": a module row (Windows CIM; Linux EDAC DIMMs).
export class MemoryModuleDto {
  @Text({ nullable: true, example: 'Samsung' }) manufacturer!: string | null;
  @Text({ nullable: true, example: 'M471A2K43DB1-CWE' }) part_number!: string | null;
  @Int({ nullable: true, example: 17179869184 }) capacity_bytes!: number | null;
  @Int({ nullable: true, example: 3200 }) speed_mhz!: number | null;
  @Int({ nullable: true, example: 2933 }) configured_speed_mhz!: number | null;
  @Text({ nullable: true, example: 'DIMM 0' }) slot!: string | null;
  @Text({ nullable: true, enum: ['Unknown', 'DIMM', 'SODIMM', 'FB-DIMM'], example: 'SODIMM' }) form_factor!: string | null;
  @Text({ required: false, nullable: true, example: 'Registered-DDR4', description: 'EDAC only' }) memory_type?: string | null;
  @Int({ required: false, nullable: true, example: 0, description: 'EDAC only' }) corrected_errors?: number | null;
  @Int({ required: false, nullable: true, example: 0, description: 'EDAC only' }) uncorrected_errors?: number | null;
}

// Every key may be missing when the probe failed; swap_used_bytes and swap_percent are missing when swap could not be read.
export class MemoryMetricsDto {
  @Int({ required: false, example: 25276059648 }) total_bytes?: number;
  @Int({ required: false, example: 2260934656 }) used_bytes?: number;
  @Int({ required: false, example: 22681862144 }) available_bytes?: number;
  @Float({ required: false, example: 10.3, description: '(total − available) / total × 100' }) percent?: number;
  @Int({ required: false, nullable: true, example: 0 }) swap_total_bytes?: number | null;
  @Int({ required: false, example: 0 }) swap_used_bytes?: number;
  @Float({ required: false, example: 0.0 }) swap_percent?: number;
  @Float({ required: false, nullable: true, example: 0.0, description: 'bytes/s over the probe window; null without counters (Windows)' })
  swap_in_bps?: number | null;
  @Float({ required: false, nullable: true, example: 0.0 }) swap_out_bps?: number | null;
  @Int({ required: false, nullable: true, example: null, description: 'EDAC corrected errors since boot; null without EDAC' })
  edac_corrected_errors?: number | null;
  @Int({ required: false, nullable: true, example: null }) edac_uncorrected_errors?: number | null;
}

export class MemoryComponentDto extends MeasuredDto {
  @Status() status!: string;
  @ApiProperty({ type: MemoryMetricsDto }) metrics!: MemoryMetricsDto;
  @Issues() issues!: string[];
  @ApiProperty({ type: [MemoryModuleDto] }) items!: MemoryModuleDto[];
}
