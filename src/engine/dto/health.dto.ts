import { ApiProperty } from '@nestjs/swagger';
import { ApiInteger } from '../../common/wire.js';
import { SkippedHistoryFileDto } from './skipped-history-file.dto.js';

// SPEC §4 GET /health.
export class WebsocketClientsDto {
  @ApiInteger({ example: 0 }) live!: number;
  @ApiInteger({ example: 0 }) alerts!: number;
}

export class StorageStateDto {
  @ApiProperty({ example: true, description: 'false while datastore writes are failing' }) writable!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'the last write failure' })
  last_error!: string | null;
}

export class HealthDto {
  @ApiProperty({ example: 'running' }) status!: string;
  @ApiProperty({ example: true }) engine!: boolean;
  @ApiProperty({ type: WebsocketClientsDto }) websocket_clients!: WebsocketClientsDto;
  @ApiProperty({ type: StorageStateDto }) storage!: StorageStateDto;
  @ApiProperty({ type: [SkippedHistoryFileDto], description: 'history day files not served (links are never followed)' })
  skipped_history_files!: SkippedHistoryFileDto[];
}
