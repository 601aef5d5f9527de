// Placeholder: to be built (see issue #4).
export function LibraryPage() {
  return <section className="page"><h1>Library </h1></section>;
}
