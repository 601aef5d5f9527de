// Placeholder: to be built (see issue #4).
export function TargetsPage({ slug }: { slug: string }) {
  return <section className="page"><h1>Targets {slug}</h1></section>;
}
