/** Runs `run` after `ms`; the returned function cancels it. Tests pass one driven by a manual clock. */
export interface Scheduler {
  after(ms: number, run: () => void): () => void;
}

export const realScheduler: Scheduler = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};
