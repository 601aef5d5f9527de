// Placeholder: to be built (see issue #4).
export function MapPage() {
  return <section className="page"><h1>Map </h1></section>;
}
