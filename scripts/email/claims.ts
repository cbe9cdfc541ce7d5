// Who finishes an email, as stored in its slot of shared memory (finisher.ts,
// finish-worker.ts): whoever swaps UNCLAIMED for their mark first.
export const UNCLAIMED = 0;
export const CLAIMED_BY_WORKER = 1;
export const CLAIMED_BY_MAIN = 2;
