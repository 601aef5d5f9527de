// Placeholder: to be built (see issue #4).
export function ReviewPage() {
  return <section className="page"><h1>Review </h1></section>;
}
