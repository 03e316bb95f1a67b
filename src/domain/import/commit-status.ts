/** Where an import's commit stands, as the server keeps it and the web app polls it. */
export interface CommitStatus {
  state: 'running' | 'done' | 'failed';
  /** incidents written so far, of `total` */
  done: number;
  total: number;
  runId?: string;
  error?: { code: string; message: string };
}
