import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTION_RESULTS, PROCESS_ACTIONS } from '../../engine/engine.types.js';

/** POST /processes/{pid}/action: the earlier engine's body. An unknown action name is `ok: false`, not a 400. */
export class ProcessActionBodyDto {
  @ApiPropertyOptional({ enum: PROCESS_ACTIONS, example: 'lower_priority', description: 'case-sensitive; surrounding whitespace is ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
}

/** The earlier engine's answer (`ok`, `error`), plus `result` and `exited`. */
export class ProcessActionResultDto {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiPropertyOptional({ example: 'PID 4242 is not a process this engine tracks: only processes listed by GET /api/v1/processes can be acted on' })
  error?: string;
  @ApiProperty({ enum: ACTION_RESULTS, example: 'ok', description: 'how it ended, for programs (`error` is for people)' }) result!: string;
  @ApiPropertyOptional({ example: true, description: 'terminate / kill: whether the process had exited about a second later' })
  exited?: boolean;
}
