/**
 * The few web-platform globals src/shared may use. Node, Chromium and Electron all provide them,
 * so shared code stays portable; declaring them here (instead of pulling in the DOM or Node libs)
 * keeps `document`, `process`, `Buffer` and friends a type error inside src/shared.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly origin: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly href: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
  static canParse(input: string, base?: string): boolean;
}
