// Property tests run a fixed seed by default, so a run is reproducible and CI judges the code,
// not the dice. FC_SEED=random explores (the seed is printed on failure), FC_SEED=<n> replays.
export function propertySeed(fixed: number): number {
  if (process.env.FC_SEED === "random") return Date.now() % 2 ** 31;
  return Number(process.env.FC_SEED ?? fixed) || fixed;
}
