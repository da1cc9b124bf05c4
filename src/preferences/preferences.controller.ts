import { Body, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, MutatingRoute } from '../common/api-controller.decorator.js';
import { PreferencesDto, PreferencesUpdatedDto, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { PreferencesService } from './preferences.service.js';

@ApiController('preferences', 'preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'Alert thresholds, safeguard and anomaly sensitivity' })
  @ApiOkResponse({ type: PreferencesDto })
  get(): PreferencesDto {
    return this.preferences.value;
  }

  @Put()
  @MutatingRoute()
  @ApiOperation({ summary: 'Update any subset of the preferences; validated, clamped to 1–100, persisted' })
  @ApiOkResponse({ type: PreferencesUpdatedDto })
  async put(@Body() body: UpdatePreferencesDto): Promise<PreferencesUpdatedDto> {
    return { ok: true, preferences: await this.preferences.update(body) };
  }
}
