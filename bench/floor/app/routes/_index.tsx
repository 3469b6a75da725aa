import { useLoaderData } from "@remix-run/react";

export async function loader() {
  return { items: ["one", "two", "three"] };
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>A bare Remix page</h1>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </main>
  );
}
