// `GAP_FC_NUM_RUNS=5000 npm test`: every property-based test tries that many random cases
// instead of fast-check's 100, to shake out a rare counterexample before CI meets it.
import fc from 'fast-check';

const runs = Number(process.env.GAP_FC_NUM_RUNS);
if (Number.isInteger(runs) && runs > 0) fc.configureGlobal({ numRuns: runs });
