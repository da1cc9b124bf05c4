import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module.js';
import { PreferencesController } from './preferences.controller.js';
import { PreferencesService } from './preferences.service.js';

/** config/user_preferences.json and GET/PUT /preferences; the engine reads the current values from it. */
@Module({
  imports: [StorageModule],
  controllers: [PreferencesController],
  providers: [PreferencesService],
  exports: [PreferencesService],
})
export class PreferencesModule {}
