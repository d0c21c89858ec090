import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

/** The files of Swagger UI the docs page loads, served from the package @nestjs/swagger ships. */
const UI_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'init.js': 'text/javascript; charset=utf-8',
};

const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

// Scripts and styles are files, never inline, so the page works under a strict CSP.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Group account platform: REST API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

export class ApiDocsSettings {
  constructor(
    /** The checked-in merged document. */
    readonly openApiFile: string,
    /** Whether Swagger UI is served (not in production, as the graph's explorer). */
    readonly browsable: boolean,
  ) {}
}

function swaggerUiDirectory(): string {
  const fromSwagger = createRequire(createRequire(import.meta.url).resolve('@nestjs/swagger'));
  return (fromSwagger('swagger-ui-dist/absolute-path.js') as () => string)();
}

/**
 * `/api/openapi.json`: the merged OpenAPI document of every service's REST API, composed and
 * checked in by `npm run openapi` as the supergraph is; `/api/docs`: Swagger UI on it, outside
 * production (as the graph's explorer).
 */
@Controller('api')
export class ApiDocsController {
  private readonly document: unknown;

  private readonly browsable: boolean;

  constructor(@Inject(ApiDocsSettings) settings: ApiDocsSettings) {
    this.document = JSON.parse(readFileSync(settings.openApiFile, 'utf8'));
    this.browsable = settings.browsable;
  }

  @Get('openapi.json')
  @Header('cache-control', 'no-cache')
  openApi(): unknown {
    return this.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    if (!this.browsable) throw new NotFoundException();
    return PAGE;
  }

  @Get('docs/:asset')
  asset(@Param('asset') asset: string, @Res() res: Response): void {
    const type = Object.hasOwn(UI_ASSETS, asset) ? UI_ASSETS[asset] : undefined;
    if (!this.browsable || !type) throw new NotFoundException();
    res.type(type);
    if (asset === 'init.js') res.send(INIT_SCRIPT);
    else res.sendFile(join(swaggerUiDirectory(), asset));
  }
}
