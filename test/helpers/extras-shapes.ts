// Answers of the routes still being built on other branches, in the shapes the earlier engine serves
// (its process actions, cleanup, hardware health and large-file finder; docs/console.md lists them).
// The console's pages for those routes are checked against these until the real routes land.

export const HARDWARE_HEALTH = {
  ok: true,
  ts: 1796179665.1112719,
  overall: 'warning',
  components: {
    cpu: {
      status: 'healthy',
      metrics: {
        load_avg_pct: 67.5,
        load_max_core_pct: 72.5,
        cores_logical: 2,
        cores_physical: 2,
        freq_current_mhz: 2300.0,
        freq_max_mhz: 0.0,
        max_temp_c: null,
        sensors: [],
      },
      issues: [],
      items: [],
    },
    memory: {
      status: 'healthy',
      metrics: { total_bytes: 25276059648, used_bytes: 2260934656, available_bytes: 22681862144, percent: 10.3, swap_total_bytes: 0, swap_percent: 0.0 },
      issues: [],
      items: [],
    },
    disks: {
      status: 'warning',
      metrics: { physical_count: 0, volume_count: 1 },
      issues: ['/: 12.0% free'],
      items: [
        {
          kind: 'volume',
          mountpoint: '/',
          device: '/dev/vda',
          fstype: 'ext4',
          total_bytes: 270553174016,
          used_bytes: 238087792640,
          free_bytes: 32465381376,
          free_percent: 12.0,
          status: 'warning',
          issues: ['12.0% free'],
        },
      ],
    },
  },
};

export const CLEANUP_CATEGORIES = {
  os_supports_recycle_bin: false,
  categories: [
    {
      id: 'user_cache',
      label: 'User cache (~/.cache)',
      description: 'Application caches under your home directory.',
      roots: ['/home/u/.cache'],
      min_age_days: 0,
      requires_admin: false,
    },
    { id: 'trash', label: 'Trash', description: 'Files in your trash.', roots: ['/home/u/.local/share/Trash'], min_age_days: 0, requires_admin: false },
  ],
};

export const CLEANUP_SCAN = {
  ok: true,
  scan_id: 'fbd01cce019a4156973ddf450fb1f6b4',
  started_at: 1796179663.7008028,
  completed_at: 1796179663.7791047,
  os: 'linux',
  total_bytes: 8713,
  total_files: 5,
  categories: [
    {
      id: 'user_cache',
      label: 'User cache (~/.cache)',
      description: 'Application caches under your home directory.',
      bytes: 8713,
      file_count: 5,
      roots: ['/home/u/.cache'],
      samples: [
        { path: '/home/u/.cache/app/blob.bin', size: 5000, mtime: 1796179662.77 },
        { path: '/home/u/.cache/pip/wheel.whl', size: 3000, mtime: 1796179662.77 },
      ],
      requires_admin: false,
      error: null,
    },
    {
      id: 'trash',
      label: 'Trash',
      description: 'Files in your trash.',
      bytes: 0,
      file_count: 0,
      roots: ['/home/u/.local/share/Trash'],
      samples: [],
      requires_admin: false,
      error: null,
    },
  ],
};

export const CLEANUP_APPLIED = {
  ok: true,
  scan_id: 'fbd01cce019a4156973ddf450fb1f6b4',
  mode: 'permanent',
  removed: 5,
  bytes_freed: 8713,
  skipped: 0,
  errors: [],
  per_category: { user_cache: { removed: 5, bytes_freed: 8713, skipped: 0 } },
};

export const LARGE_FILES = {
  ok: true,
  path: '/home/u/big',
  min_mb: 1.0,
  limit: 100,
  results: [{ path: '/home/u/big/movie.mkv', size: 3145728, mtime: 1796179662.785247, parent: '/home/u/big' }],
};

/** The pending routes, as `METHOD path` of the OpenAPI document. */
export const PENDING_ROUTES: Record<string, string[]> = {
  '/api/v1/processes/{pid}/action': ['post'],
  '/api/v1/cleanup/categories': ['get'],
  '/api/v1/cleanup/scan': ['post'],
  '/api/v1/cleanup/scan/{scan_id}': ['get'],
  '/api/v1/cleanup/apply': ['post'],
  '/api/v1/storage/large': ['get'],
  '/api/v1/hardware/health': ['get'],
  '/api/v1/hardware/test': ['get'],
};
