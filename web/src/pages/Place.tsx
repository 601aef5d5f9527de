// Placeholder: to be built (see issue #4).
export function PlacePage({ code }: { code: string }) {
  return <section className="page"><h1>Place {code}</h1></section>;
}
