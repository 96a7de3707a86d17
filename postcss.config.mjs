/** PostCSS configuration: Tailwind CSS 4. */
const config = { plugins: { "@tailwindcss/postcss": {} } };
export default config;
