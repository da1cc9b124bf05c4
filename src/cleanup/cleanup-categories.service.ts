import { Inject, Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { Trashes } from './apply/trash.js';
import { PRIVILEGE, type Privilege } from './privilege.js';
import { builtinCategories, osLabel } from './table/builtin-categories.js';
import { type CategoryTable, loadTable, type ResolvedCategory } from './table/category-table.js';
import type { CategorySpec } from './table/category.js';
import { lockHeld } from './walk/lock-held.js';

/** A category as GET /cleanup/categories lists it: the table's row, with the engine's real rights applied. */
export type CategoryView = Pick<CategorySpec, 'id' | 'label' | 'description' | 'roots' | 'min_age_days' | 'requires_admin'> & {
  admin_only: boolean;
  extensions: string[] | null;
};

export interface CategoriesAnswer {
  os_supports_recycle_bin: boolean;
  os: string;
  source: 'builtin' | 'file';
  elevated: boolean;
  table_error: string | null;
  categories: CategoryView[];
}

/**
 * The category table of this machine, read again for every request (a cache folder created after
 * start shows up), and the engine's real rights: `requires_admin` is true when a category needs
 * rights this engine does not have; such a category is listed but never walked or cleaned.
 */
@Injectable()
export class CleanupCategoriesService {
  private readonly logger = new Logger(CleanupCategoriesService.name);
  readonly trashes: Trashes;
  readonly os = osLabel(process.platform);

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    @Inject(PRIVILEGE) private readonly privilege: Privilege,
  ) {
    const { homeDir, folders } = options.cleanup;
    const homeTrash = process.platform === 'darwin' ? join(homeDir, '.Trash') : join(folders.xdgDataHome ?? join(homeDir, '.local', 'share'), 'Trash');
    this.trashes = new Trashes(process.platform, homeTrash, process.getuid?.() ?? 0);
  }

  async table(): Promise<CategoryTable> {
    const { categoriesFile, homeDir, folders } = this.options.cleanup;
    const table = await loadTable(categoriesFile, () => builtinCategories(process.platform, homeDir, folders));
    if (table.error) this.logger.warn(table.error);
    return table;
  }

  elevated(): Promise<boolean> {
    return this.privilege.elevated();
  }

  /** Why a category is not walked or cleaned now, or null. */
  async blocked(category: ResolvedCategory, elevated: boolean): Promise<string | null> {
    if (category.spec.requires_admin && !elevated) return 'needs administrator rights; the engine is not running elevated';
    if (category.spec.lock_file && (await lockHeld(category.spec.lock_file))) {
      return `skipped: ${category.spec.lock_file} is locked by another program (a package manager is running)`;
    }
    return null;
  }

  async view(): Promise<CategoriesAnswer> {
    const [table, elevated] = await Promise.all([this.table(), this.elevated()]);
    const categories = table.categories.map(({ spec, roots }) => ({
      id: spec.id,
      label: spec.label,
      description: spec.description,
      roots,
      min_age_days: spec.min_age_days,
      requires_admin: spec.requires_admin && !elevated,
      admin_only: spec.requires_admin,
      extensions: spec.extensions ?? null,
    }));
    return {
      os_supports_recycle_bin: await this.trashes.homeTrashUsable(),
      os: this.os,
      source: table.source,
      elevated,
      table_error: table.error ?? null,
      categories,
    };
  }
}
