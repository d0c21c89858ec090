import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate } from '@gap/calendar';

export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

export interface CalendarDayRow {
  readonly day: CalendarDate;
  readonly kind: CalendarDayKind;
  readonly note: string;
  readonly addedBy: string;
  readonly addedAt: Date;
}

const COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, kind, note, added_by AS "addedBy", added_at AS "addedAt"`;

/** The days an admin adds to China's official calendar (coordination.calendar_day). */
@Injectable()
export class CalendarDayRepository {
  constructor(private readonly dataSource: DataSource) {}

  between(from: CalendarDate, to: CalendarDate): Promise<CalendarDayRow[]> {
    return this.dataSource.query<CalendarDayRow[]>(
      `SELECT ${COLUMNS} FROM coordination.calendar_day WHERE day BETWEEN $1 AND $2 ORDER BY day`,
      [from, to],
    );
  }

  all(manager: EntityManager = this.dataSource.manager): Promise<CalendarDayRow[]> {
    return manager.query<CalendarDayRow[]>(
      `SELECT ${COLUMNS} FROM coordination.calendar_day ORDER BY day`,
    );
  }

  /** Adds the day, or changes its kind and note when it is there already. */
  async save(day: Omit<CalendarDayRow, 'addedAt'>): Promise<CalendarDayRow> {
    const [row] = await this.dataSource.query<CalendarDayRow[]>(
      `INSERT INTO coordination.calendar_day (day, kind, note, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE
         SET kind = EXCLUDED.kind, note = EXCLUDED.note, added_by = EXCLUDED.added_by,
             added_at = now()
       RETURNING ${COLUMNS}`,
      [day.day, day.kind, day.note, day.addedBy],
    );
    if (!row) throw new Error('coordination.calendar_day: the insert returned no row.');
    return row;
  }

  /** Whether there was such a day. */
  async remove(day: CalendarDate): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, count].
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      'DELETE FROM coordination.calendar_day WHERE day = $1',
      [day],
    );
    return count > 0;
  }
}
