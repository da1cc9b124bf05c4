import { ApiProperty } from '@nestjs/swagger';
import { AlertDto } from './alert.dto.js';
import { AnomalyDto, NormalizedDto, PredictionDto, StabilityDto, StressDto } from './analysis.dto.js';

// SPEC §7: what the engine keeps in state/runtime.json, in the wire shapes GET /status serves.
// No route returns it; it gives the checkpoint file the same number forms as the wire.
export class CheckpointContentDto {
  @ApiProperty({ type: [AlertDto] }) alerts_recent!: AlertDto[];
  @ApiProperty({ type: StressDto, nullable: true }) last_stress!: StressDto | null;
  @ApiProperty({ type: StabilityDto, nullable: true }) last_stability!: StabilityDto | null;
  @ApiProperty({ type: NormalizedDto, nullable: true }) last_normalized!: NormalizedDto | null;
  @ApiProperty({ type: PredictionDto, nullable: true }) last_prediction!: PredictionDto | null;
  @ApiProperty({ type: AnomalyDto, nullable: true }) last_anomaly!: AnomalyDto | null;
}
