import { Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, RestController } from '@gap/rest';
import { exportSearchOf, PortfolioExportQuery } from './dto/portfolio-export.query.js';
import { exportFileName, PORTFOLIO_CSV_HEADERS } from './portfolio-csv.js';
import { PortfolioExportService, writeAll } from './portfolio-export.service.js';

async function* startingWith(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

/** `/api/v1/accounts/portfolio/export`: the account list, filtered and sorted, as one CSV file. */
@RestController('accounts')
export class PortfolioExportController {
  constructor(private readonly exports: PortfolioExportService) {}

  @Get('portfolio/export')
  @ApiOperation({
    operationId: 'exportPortfolio',
    summary: 'The accounts the caller may see that match the filter, streamed as a CSV file.',
    description:
      'UTF-8 with a byte order mark (for Excel), RFC 4180, one line per account in the order asked for. Amounts are yuan with two decimals; a text a spreadsheet would run as a formula starts with an apostrophe.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `The file, as an attachment. Columns: ${PORTFOLIO_CSV_HEADERS.join(', ')}.`,
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems(403)
  async exportPortfolio(
    @CurrentCaller() caller: Caller,
    @Query() query: PortfolioExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const pieces = this.exports.csv(caller, exportSearchOf(query), 'rest.exportPortfolio');
    // The first piece comes after access and the filter are checked: a refusal is still a
    // problem document, not a cut file.
    const first = await pieces.next();
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName()}"`,
      'cache-control': 'no-store',
    });
    try {
      await writeAll(first.done ? pieces : startingWith(first.value, pieces), res);
    } finally {
      // Ends the search also when the client left before the first piece was taken.
      await pieces.return(undefined);
    }
  }
}
