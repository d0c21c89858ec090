import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Tells, per data source, when a transaction that recorded events has committed, so the relay
 * publishes them at once instead of at its next look. One per data source, whichever
 * OutboxPublisher recorded the events.
 */
export class CommitSignal {
  private static readonly signals = new WeakMap<DataSource, CommitSignal>();
  /** Transactions that recorded events and have not ended yet. */
  private readonly recording = new WeakSet<QueryRunner>();
  private readonly listeners = new Set<() => void>();

  static of(dataSource: DataSource): CommitSignal {
    let signal = CommitSignal.signals.get(dataSource);
    if (!signal) {
      signal = new CommitSignal(dataSource);
      CommitSignal.signals.set(dataSource, signal);
    }
    return signal;
  }

  private constructor(dataSource: DataSource) {
    dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        // A nested transaction's commit only releases a savepoint: wait for the outer one.
        if (queryRunner.isTransactionActive || !this.recording.delete(queryRunner)) return;
        for (const listener of this.listeners) listener();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.recording.delete(queryRunner);
      },
    });
  }

  /** Marks the transaction of `runner` as one that recorded events. */
  recorded(runner: QueryRunner): void {
    this.recording.add(runner);
  }

  /** Calls `listener` after each commit of a transaction that recorded events; returns its removal. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
