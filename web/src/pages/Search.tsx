// Placeholder: to be built (see issue #4).
export function SearchPage() {
  return <section className="page"><h1>Search </h1></section>;
}
