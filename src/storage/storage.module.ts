import { Module } from '@nestjs/common';
import { AtomicJson } from './atomic-json.js';
import { DatastorePaths } from './datastore-paths.js';
import { DiskUsage } from './disk-usage.js';
import { FS_PORT, nodeFs } from './fs.port.js';
import { Migrations } from './migrations.js';
import { StorageHealth } from './storage-health.js';
import { StorageInitializer } from './storage-initializer.js';

@Module({
  providers: [{ provide: FS_PORT, useValue: nodeFs }, DatastorePaths, AtomicJson, Migrations, DiskUsage, StorageHealth, StorageInitializer],
  exports: [FS_PORT, DatastorePaths, AtomicJson, Migrations, DiskUsage, StorageHealth, StorageInitializer],
})
export class StorageModule {}
