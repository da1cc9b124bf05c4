import { Injectable } from '@nestjs/common';
import { HistoryStore } from '../history/history.store.js';
import { RuntimeStateService } from '../runtime-state/runtime-state.service.js';
import { BaselineStore } from './baseline.store.js';
import { EngineEvents } from './engine-events.js';
import { PreferencesService } from '../preferences/preferences.service.js';

/** The engine's collaborators inside the datastore, grouped to keep the constructor short. */
@Injectable()
export class EngineDeps {
  constructor(
    readonly baseline: BaselineStore,
    readonly preferences: PreferencesService,
    readonly runtime: RuntimeStateService,
    readonly history: HistoryStore,
    readonly events: EngineEvents,
  ) {}
}
