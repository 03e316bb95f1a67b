/** One run's figures for one backend and size, as stored in bench/results/<backend>-<size>.json. */
import type { Machine } from './machine.js';
import type { BuildInfo } from './dataset.js';
import type { SearchResultRow, MemoryIndexFigures } from '../measure/search.js';
import type { DashboardRow } from '../measure/dashboard.js';
import type { MapRow } from '../measure/map.js';
import type { ReadWriteResult } from '../measure/read-write.js';
import type { ImportResult } from '../measure/import-csv.js';
import type { MemoryResult } from '../measure/memory.js';
import type { WebResult } from '../measure/web-first-load.js';
import type { ScanRow } from '../measure/scan-identifying.js';
import type { PageCacheRow } from '../measure/page-cache.js';
import type { EvidenceFilesResult } from '../measure/evidence-files.js';
import type { AccompanimentResult } from '../measure/accompaniment.js';

export interface RunResult {
  backend: 'sqlite' | 'postgres';
  size: number;
  incidentsAtRun: number;
  /** the dataset on disk (SQLite file and WAL; PostgreSQL tables with their indexes and TOAST) */
  diskBytes?: number;
  ranAt: string;
  command: string;
  /** when each measurement was taken (a partial run keeps the others from an earlier one) */
  sections?: Record<string, string>;
  machine: Machine;
  build: BuildInfo;
  search?: SearchResultRow[];
  /** embedded: reading every incident into the memory index (before the searches) */
  memoryIndex?: MemoryIndexFigures;
  dashboard?: DashboardRow[];
  /** the offline map's counts (POST /api/v1/stats/map) */
  map?: MapRow[];
  readWrite?: ReadWriteResult;
  pageCache?: PageCacheRow[];
  scan?: ScanRow;
  importCsv?: ImportResult;
  /** evidence files: 256 MiB streamed in and read back vs raw blobs */
  evidenceFiles?: EvidenceFilesResult;
  /** accompaniment (issue 9): the coordinator's pages and the day's taps vs their SQL */
  accompaniment?: AccompanimentResult;
  memory?: MemoryResult;
  web?: WebResult;
}
