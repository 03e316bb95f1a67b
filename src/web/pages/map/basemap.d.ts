/** The offline map's basemap (vite.config.ts builds it from npm data with scripts/basemap.mjs). */
declare module 'virtual:basemap' {
  import type { Topology, GeometryCollection } from 'topojson-specification';
  const basemap: Topology<{ states: GeometryCollection; countries: GeometryCollection }>;
  export default basemap;
}
