/**
 * Asks the server for counts whenever the request changes (POST: the words of a search never land in
 * a URL or a log line). The previous answer stays on screen while the next one travels (no spinner
 * walls); an answer to a request that has since changed is dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';

export function usePost<T>(path: string, body: object | null): { data: T | null; busy: boolean; error: unknown } {
  const key = body ? JSON.stringify(body) : '';
  const [data, setData] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    setError(undefined);
    if (!body) {
      setData(null);
      setBusy(false);
      return;
    }
    let live = true;
    setBusy(true);
    api<T>('POST', path, body).then(
      (d) => {
        if (!live) return;
        setData(d);
        setBusy(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  return { data, busy, error };
}
