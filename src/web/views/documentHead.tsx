/** The `<head>` every full page shares: charset, viewport, title, icon, screen and print styles. */
export function DocumentHead({ title }: { title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/static/site.css" />
      <link rel="stylesheet" href="/static/print.css" media="print" />
    </head>
  );
}
