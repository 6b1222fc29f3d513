import { launch } from '../src/cli/chromium';
const base = 'http://127.0.0.1:4317/';
const [, , what = 'gexf', theme = 'light'] = process.argv;
const s = await launch({ width: 1400, height: 860, colorScheme: theme as 'light' | 'dark' });
const page = await s.context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(base + '?graph=sample-abu-kamal-strikes');
await page.waitForTimeout(1500);
if (what === 'gexf') {
  await page.keyboard.press('o');
  await page.screenshot({ path: `scratch/open-dialog-${theme}.png` });
  await page.getByTestId('open-picker').setInputFiles('src/core/formats/fixtures/graphology/les_miserables.gexf');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `scratch/gexf-${theme}.png` });
  await page.getByLabel('Colour actors by').selectOption('rank:Authority');
  await page.getByLabel('Size actors by').selectOption('degree');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `scratch/gexf-ranked-${theme}.png` });
  console.log(page.url());
}
if (what === 'csv') {
  await page.keyboard.press('o');
  await page.getByTestId('open-picker').setInputFiles(['src/core/formats/fixtures/csv/actors.edges.csv', 'src/core/formats/fixtures/csv/actors.nodes.csv']);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `scratch/csv-${theme}.png` });
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `scratch/csv-open-${theme}.png` });
}
if (what === 'graphml') {
  await page.getByTestId('open-picker').setInputFiles('src/core/formats/fixtures/graphology/miserables.graphml');
  await page.waitForTimeout(3000);
  await page.getByLabel('Colour actors by').selectOption('part:Modularity Class');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `scratch/graphml-${theme}.png` });
}
await s.close();
