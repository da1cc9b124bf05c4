import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { HEALTH_STATUSES } from '../model/status.js';

// SPEC §4 "Number types": every numeric field states integer or number, as the earlier engine writes it.
type Options = ApiPropertyOptions & { example?: unknown; description?: string };

export const Int = (options: Options = {}): PropertyDecorator => ApiProperty({ ...options, type: 'integer' } as ApiPropertyOptions);
export const Float = (options: Options = {}): PropertyDecorator => ApiProperty({ ...options, type: 'number' } as ApiPropertyOptions);
export const Text = (options: Options = {}): PropertyDecorator => ApiProperty({ ...options, type: String } as ApiPropertyOptions);

/** healthy < unknown < warning < critical. */
export const Status = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ enum: HEALTH_STATUSES, example: 'healthy', description: 'healthy < unknown < warning < critical', ...options } as ApiPropertyOptions);

export const Issues = (): PropertyDecorator => ApiProperty({ type: [String], example: [], description: 'readable problems; why a status is not healthy' });

/** When the component's probe finished and how long it took (additive to the earlier engine's shape). */
export class MeasuredDto {
  @Float({ nullable: true, example: 1796179665.53, description: 'unix seconds when this component was measured; null: nothing recent' })
  measured_at!: number | null;
  @Float({ nullable: true, example: 1012.4, description: 'how long its probe took, ms' })
  probe_ms!: number | null;
}
