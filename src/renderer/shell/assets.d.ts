/** Vite's `?url` imports: the built file's URL (served by main's app:// handler under /assets/). */
declare module '*.wav?url' {
  const url: string;
  export default url;
}
