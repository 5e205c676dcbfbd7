// The explorer's other views (timeline, topics, entities, quotes), accessibility of every view,
// the dark theme and the 360 px drawer. Screenshots of each view go to docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, openPage, screenshot, axeViolations } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const params = (page) => new URL(page.url()).searchParams;

/** The timeline's labels are the page's size (at least 10 px tall), the period labels do not
 * run into each other, and the latest period has one. */
async function assertTimelineLabelsReadable(page) {
  const periods = await page.locator('.axis-label.period').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right, height: r.height }; }));
  assert.ok(periods.length >= 2 && periods.every((p) => p.height >= 10), `period labels at least 10 px tall: ${JSON.stringify(periods)}`);
  for (let i = 1; i < periods.length; i++) {
    assert.ok(periods[i - 1].right < periods[i].left, `"${periods[i - 1].text}" runs into "${periods[i].text}"`);
  }
  const bars = page.getByTestId('timeline-bar');
  const latest = await bars.nth((await bars.count()) - 1).getAttribute('aria-label');
  // "’25" on a phone short of room, for 2025.
  const shown = periods.at(-1).text.replace(/^\u2019/, '');
  const named = latest.split(':')[0];
  assert.ok(named === shown || (named.length === 4 && named.endsWith(shown)), `the latest period (${latest}) is labelled, not only ${periods.at(-1).text}`);
  // The count axis (its highest count and 0) too.
  const counts = await page.locator('.axis-label:not(.period)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(counts.length === 2 && counts.every((h) => h >= 10), `count labels at least 10 px tall: ${counts}`);
}

test('timeline: clicking a bar, or dragging across bars, sets the date filter', async (t) => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=timeline`);
  await page.getByTestId('timeline-view').waitFor();
  const bars = page.getByTestId('timeline-bar');
  if ((await bars.count()) === 0) { t.skip('no dated articles in this build'); await context.close(); return; }
  await screenshot(page, 'timeline');
  await assertTimelineLabelsReadable(page);
  assert.match(await page.getByTestId('timeline-caption').textContent(), /^All dates\. Click a bar/);
  // Tab reaches the periods with articles, not the empty ones (invisible stops before).
  const stops = await bars.evaluateAll((els) => els.map((b) => [b.getAttribute('aria-label'), b.getAttribute('tabindex')]));
  assert.ok(stops.some(([label]) => / 0 articles$/.test(label)), 'the seed timeline has empty years');
  for (const [label, tabindex] of stops) assert.equal(tabindex, / 0 articles$/.test(label) ? '-1' : '0', label);
  // A click on an empty period sets no range that would show nothing.
  const empty = stops.findIndex(([label]) => / 0 articles$/.test(label));
  const emptyBox = await bars.nth(empty).boundingBox();
  await page.mouse.click(emptyBox.x + emptyBox.width / 2, emptyBox.y - 20);
  await page.waitForTimeout(200);
  assert.equal(params(page).get('from'), null, 'no range set by an empty period');
  assert.equal(await bars.nth(empty).getAttribute('aria-disabled'), 'true');
  const n = await bars.count();
  // Every article is on the timeline or counted as undated beside it.
  const dated = await bars.evaluateAll((els) => els
    .map((b) => Number(b.getAttribute('aria-label').split(': ')[1].replace(/[^0-9]/g, '')))
    .reduce((a, b) => a + b, 0));
  const undatedNote = page.getByTestId('timeline-undated');
  const undated = (await undatedNote.count()) ? Number((await undatedNote.textContent()).match(/^([\d,]+) /)[1].replace(/,/g, '')) : 0;
  await page.getByTestId('view-results').click();
  const articles = Number((await page.getByTestId('result-count').textContent()).match(/^([\d,]+)/)[1].replace(/,/g, ''));
  assert.equal(dated + undated, articles, `${dated} on the timeline and ${undated} undated`);
  await page.getByTestId('view-timeline').click();
  await page.getByTestId('timeline-view').waitFor();
  // Periods read as dates do elsewhere on the page: "Jun 2024" (or a year), not "2024-06".
  for (const label of [...await page.locator('g.bar .axis-label').allTextContents(), ...(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label').split(': ')[0])))]) {
    assert.match(label, /^([A-Z][a-z]{2} )?\d{4}$/);
  }
  // Click the tallest bar: a one-period range.
  const heights = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
  const tallest = heights.indexOf(Math.max(...heights));
  await bars.nth(tallest).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
  const period = await bars.nth(tallest).getAttribute('data-period');
  assert.ok(params(page).get('from').startsWith(period), `${params(page).get('from')} starts ${period}`);
  assert.ok(params(page).get('to').startsWith(period));
  // The periods outside the range stay on the timeline, so the range can be widened.
  assert.equal(await bars.count(), n, 'every period still has its bar');
  // From the period picked to its articles, as many as its bar counts.
  const picked = Number((await bars.nth(tallest).getAttribute('aria-label')).split(': ')[1].replace(/[^0-9]/g, ''));
  const showArticles = page.getByTestId('timeline-results');
  await page.waitForFunction((text) => document.querySelector('[data-testid=timeline-results]')?.textContent.trim() === text, `Show the ${picked} ${picked === 1 ? 'article' : 'articles'}`);
  // Drag from the first bar to the last: the whole span.
  const first = await bars.nth(0).boundingBox();
  const last = await bars.nth(n - 1).boundingBox();
  await page.mouse.move(first.x + first.width / 2, first.y + first.height - 1);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height - 1, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((p) => new URL(location.href).searchParams.get('from')?.startsWith(p) === false || true, period);
  const from = params(page).get('from');
  const to = params(page).get('to');
  assert.ok(from <= to && from.startsWith(await bars.nth(0).getAttribute('data-period')), `${from}..${to}`);
  assert.ok(to.startsWith(await bars.nth(n - 1).getAttribute('data-period')), `${from}..${to}`);
  // The results view honours it.
  await showArticles.click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(params(page).get('view'), null, 'the results view');
  assert.equal(await page.getByTestId('date-from').inputValue(), from);
  const shownCount = Number((await page.getByTestId('result-count').textContent()).match(/^([\d,]+)/)[1].replace(/,/g, ''));
  assert.equal(shownCount, dated, 'every dated article is in the whole span');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('timeline: with a year ticked, the caption says the timeline shows that year, not all dates', async (t) => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=timeline`);
  await page.getByTestId('timeline-view').waitFor();
  const bars = page.getByTestId('timeline-bar');
  if ((await bars.count()) === 0) { t.skip('no dated articles in this build'); await context.close(); return; }
  const year = (await bars.last().getAttribute('data-period')).slice(0, 4);
  await page.goto(`${server.url}?view=timeline&year=${year}`);
  await page.getByTestId('timeline-bar').first().waitFor();
  assert.equal((await page.getByTestId('timeline-caption').textContent()).trim(),
    `Showing ${year} only (the Year filter). Click a bar or drag across bars to filter by date.`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('topics: the map and the list show the topics; clicking one filters the results to it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=topics`);
  await page.getByTestId('topics-view').waitFor();
  const nodes = page.getByTestId('topic-node');
  assert.ok((await nodes.count()) >= 2, 'several topics on the map');
  assert.equal(await page.getByTestId('topic-card').count(), await nodes.count());
  const label = await nodes.first().getAttribute('data-topic');
  const size = Number(await nodes.first().locator('.topic-size').textContent());
  // The chip colour on the card equals the circle's colour on the map.
  const colourOf = (loc) => loc.evaluate((e) => getComputedStyle(e).getPropertyValue('--topic').trim());
  const circle = await colourOf(nodes.first());
  const chip = await colourOf(page.getByTestId('topic-card').getByTestId('topic-chip').filter({ hasText: label }).first());
  assert.equal(chip, circle);
  await nodes.first().click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(params(page).get('topic'), label);
  assert.equal(params(page).get('view'), null);
  assert.equal(await page.getByTestId('result').count(), size, 'the topic size equals its articles');
  const chips = await page.locator('[data-testid=result] [data-testid=topic-chip]').allTextContents();
  assert.ok(chips.every((c) => c.trim() === label), `every result is in ${label}: ${chips}`);
  // A card listing fewer articles than it counts links to all of them (it listed three of six
  // and said nothing of the rest).
  await page.goBack();
  await page.getByTestId('topics-view').waitFor();
  const cards = page.getByTestId('topic-card');
  let linked = null;
  for (let i = 0; i < await cards.count(); i++) {
    const card = cards.nth(i);
    const counted = Number((await card.getByTestId('topic-card-size').textContent()).match(/\d+/)[0]);
    const listed = await card.locator('.topic-reps li:not(.topic-more)').count();
    assert.equal(await card.getByTestId('topic-all').count(), counted > listed ? 1 : 0, `card ${i}: ${listed} of ${counted} listed`);
    if (counted > listed && !linked) linked = { card, counted };
  }
  assert.ok(linked, 'the seed corpus has a topic of more articles than its card lists');
  await linked.card.getByTestId('topic-all').click();
  linked = linked.counted;
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('result').count(), linked);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('topics beside the open reader: the map over its list, every card in the column, none under the reader', async () => {
  for (const width of [1280, 1440]) {
    const { page, context, problems } = await openPage(browser, `${server.url}?view=topics&article=pakistan-takes-major-steps-to-curb-cyber-crimes`, { viewport: { width, height: 900 } });
    await page.getByTestId('reader').waitFor();
    const seen = await page.evaluate(() => {
      const reader = document.querySelector('[data-testid=reader]').getBoundingClientRect();
      const cards = [...document.querySelectorAll('.topic-card, .topic-card a')].map((e) => e.getBoundingClientRect().right);
      const map = document.querySelector('.topic-map').getBoundingClientRect();
      return { readerLeft: reader.left, cardsRight: Math.max(...cards), mapWidth: map.width };
    });
    // Side by side, the map shrank to 87 px and the cards' links ran 70 px under the reader.
    assert.ok(seen.cardsRight <= seen.readerLeft - 16, `a card runs under the reader at ${width} px: ${JSON.stringify(seen)}`);
    assert.ok(seen.mapWidth >= 180, `the map is readable at ${width} px: ${JSON.stringify(seen)}`);
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test('entities: a search that matches nothing says so once, not in four empty columns', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?q=gwadar&view=entities`);
  await page.getByTestId('entities-view').waitFor();
  await page.getByTestId('entities-none').waitFor();
  assert.equal(await page.locator('.entity-columns').isVisible(), false);
  await page.getByTestId('search-input').fill('cyber');
  await page.getByTestId('entity').first().waitFor();
  assert.equal(await page.getByTestId('entities-none').isVisible(), false);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('entities: one picked with the keyboard keeps focus, pressed, and Tab goes on from it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=entities`);
  await page.getByTestId('entities-view').waitFor();
  const people = page.locator('.entity-column').first().getByTestId('entity');
  const name = (await people.nth(2).locator('.entity-name').textContent()).trim();
  await people.nth(2).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('person'));
  // The list is drawn again for the new matches: focus went with the old button, to the body.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'entity', null, { timeout: 2_000 }).catch(() => {});
  const focused = await page.evaluate(() => ({
    testid: document.activeElement?.dataset.testid,
    name: document.activeElement?.querySelector('.entity-name')?.textContent.trim(),
    pressed: document.activeElement?.getAttribute('aria-pressed'),
  }));
  assert.deepEqual(focused, { testid: 'entity', name, pressed: 'true' });
  // Tab goes on from it (it went on from the top of the page): to what follows it in the view.
  const following = await page.evaluate(() => {
    const all = [...document.querySelectorAll('[data-testid=entities-view] button, [data-testid=entities-view] a[href]')];
    const at = all.indexOf(document.activeElement);
    return all[at + 1]?.outerHTML;
  });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.outerHTML), following);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('entities: clicking one filters by it and shows what it is named with in the matches', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=entities`);
  await page.getByTestId('entities-view').waitFor();
  // A column longer than its first 15 shows all of them on request.
  const column = page.locator('.entity-column:has([data-testid=entities-all])').first();
  assert.equal(await column.count(), 1, 'the seed corpus names more than 15 of some kind');
  const more = column.getByTestId('entities-all');
  assert.equal(await column.getByTestId('entity').count(), 15);
  const all = Number((await more.textContent()).match(/Show all ([\d,]+)/)[1].replace(/,/g, ''));
  await more.click();
  await page.waitForFunction((n) => [...document.querySelectorAll('.entity-column')].some((c) => c.querySelectorAll('[data-testid=entity]').length === n), all);
  assert.equal((await column.getByTestId('entities-all').textContent()).trim(), 'Show fewer');
  await column.getByTestId('entities-all').click();
  await page.waitForFunction(() => [...document.querySelectorAll('.entity-column')].every((c) => c.querySelectorAll('[data-testid=entity]').length <= 15));
  // The most widespread entity: named with many others, in articles of several years.
  const entityCounts = (await page.getByTestId('entity').locator('.facet-count').allTextContents()).map(Number);
  const entity = page.getByTestId('entity').nth(entityCounts.indexOf(Math.max(...entityCounts)));
  const name = (await entity.locator('.entity-name').textContent()).trim();
  let count = Number(await entity.locator('.facet-count').textContent());
  await entity.click();
  await page.getByTestId('co-occurrence').waitFor();
  assert.equal(await entity.getAttribute('aria-pressed'), 'true');
  assert.match(await page.getByTestId('co-occurrence').textContent(), new RegExp(name));
  const keys = [...params(page).keys()];
  assert.ok(keys.some((k) => ['person', 'org', 'place', 'country'].includes(k)), keys.join());
  // What it is named with, in the articles naming it: each count within theirs, most shared first.
  const scope = async () => Number((await page.getByTestId('co-occurrence-scope').textContent()).match(/in ([\d,]+) matching article/)[1].replace(/,/g, ''));
  const alongside = async () => (await page.getByTestId('co-occurring').locator('.facet-count').allTextContents()).map((t) => Number(t.match(/\d+/)[0]));
  assert.equal(await scope(), count);
  let counts = await alongside();
  assert.ok(counts.length > 0 && counts.every((n, i) => n >= 1 && n <= count && (i === 0 || n <= counts[i - 1])), `${counts}`);
  // It is named with more than 15 others in the seed corpus: all of them on request.
  const allAlongside = page.getByTestId('co-occurrence-all');
  assert.equal(counts.length, 15);
  const every = Number((await allAlongside.textContent()).match(/Show all ([\d,]+)/)[1]);
  await allAlongside.click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=co-occurring]').length === n, every);
  // It follows the search: a year narrows both the articles and the counts.
  await page.getByTestId('facet-year').getByTestId('facet-option').first().check();
  await page.waitForFunction((n) => !new RegExp(`in ${n} matching article`).test(document.querySelector('[data-testid=co-occurrence-scope]').textContent), count);
  const narrowed = await scope();
  assert.ok(narrowed >= 1 && narrowed < count, `${narrowed} of ${count}`);
  counts = await alongside();
  assert.ok(counts.every((n) => n >= 1 && n <= narrowed), `${counts}`);
  count = narrowed;
  await page.getByTestId('entity-results').click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('result').count(), count, 'the entity count equals its articles');
  // Each name it is named with leads to the matches naming both: as many as its count.
  await page.goBack();
  await page.getByTestId('co-occurrence').waitFor();
  const other = page.getByTestId('co-occurring').first();
  const otherName = (await other.locator('a').textContent()).trim();
  const both = Number((await other.locator('.facet-count').textContent()).match(/\d+/)[0]);
  await other.locator('a').click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(params(page).get('view'), null, 'the results view');
  assert.ok(params(page).get('q').includes(`"${otherName}"`), params(page).get('q'));
  assert.ok(params(page).has('year'), 'the filters stay');
  assert.equal(await page.getByTestId('result').count(), both, `${name} with ${otherName}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('topics and entities count the matches of the current search; topics without any are set apart', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=topics`);
  await page.getByTestId('topics-view').waitFor();
  const nodes = page.getByTestId('topic-node');
  const shownSizes = () => nodes.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.topic, Number(e.querySelector('[data-testid=topic-size]').textContent)])));
  const sizes = await shownSizes();
  const [label] = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0];
  // A word of the largest topic's label: it narrows the corpus but still matches that topic.
  const word = label.split(/[\s,]+/).find((w) => w.length >= 4) ?? label.split(/[\s,]+/)[0];
  await page.getByTestId('search-input').fill(word);
  await page.waitForFunction(() => /matching/.test(document.getElementById('topics-heading')?.textContent ?? ''));
  const total = Number((await page.locator('#topics-heading').textContent()).match(/([\d,]+) matching article/)[1].replace(/,/g, ''));
  // The sidebar's topic counts are the same numbers.
  const facet = {};
  for (const option of await page.getByTestId('facet-topic').locator('label').all()) {
    facet[(await option.locator('.facet-label').textContent()).trim()] = Number(await option.locator('.facet-count').textContent());
  }
  const matched = await shownSizes();
  for (const [topic, size] of Object.entries(sizes)) {
    assert.equal(matched[topic], facet[topic] ?? 0, `${topic}: the map's count is the sidebar's`);
    assert.ok(matched[topic] <= size);
    const dimmed = (await page.locator(`[data-testid=topic-node][data-topic="${topic}"]`).getAttribute('class')).includes('topic-none');
    assert.equal(dimmed, matched[topic] === 0, `${topic} is dimmed only without matches`);
  }
  assert.ok(matched[label] > 0, `the largest topic matches "${word}"`);
  const card = page.getByTestId('topic-card').filter({ has: page.getByTestId('topic-chip').filter({ hasText: label }) }).first();
  assert.equal((await card.getByTestId('topic-card-size').textContent()).trim(), `${matched[label]} of ${sizes[label]} ${sizes[label] === 1 ? 'article matches' : 'articles match'}`);

  // The entities view counts the same matches.
  await page.getByTestId('view-entities').click();
  await page.getByTestId('entities-view').waitFor();
  assert.match(await page.locator('#entities-heading').textContent(), new RegExp(`in ${total.toLocaleString('en-US')} matching article`));
  const counts = (await page.getByTestId('entity').locator('.facet-count').allTextContents()).map(Number);
  assert.ok(counts.length > 0 && counts.every((n) => n >= 1 && n <= total), `every entity count is within the ${total} matches: ${counts}`);
  for (const option of await page.getByTestId('facet-person').locator('label').all()) {
    const name = (await option.locator('.facet-label').textContent()).trim();
    const entity = page.getByTestId('entity').filter({ has: page.locator('.entity-name', { hasText: new RegExp(`^${name}$`) }) });
    if ((await entity.count()) === 1) {
      assert.equal(Number(await entity.locator('.facet-count').textContent()), Number(await option.locator('.facet-count').textContent()), `${name}: the view's count is the sidebar's`);
    }
  }
  // Without the search, the whole corpus again.
  await page.getByTestId('search-input').fill('');
  await page.waitForFunction(() => !/matching/.test(document.getElementById('entities-heading')?.textContent ?? ''));
  const all = (await page.getByTestId('entity').locator('.facet-count').allTextContents()).map(Number);
  assert.ok(Math.max(...all) >= Math.max(...counts));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('with topics or names ticked, the views count within the matches, not what ticking more would add', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=topics`);
  await page.getByTestId('topics-view').waitFor();
  const nodes = page.getByTestId('topic-node');
  const shownSizes = () => nodes.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.topic, Number(e.querySelector('[data-testid=topic-size]').textContent)])));
  const sizes = await shownSizes();
  const [first, second] = Object.keys(sizes);
  // Two topics ticked: the matches are theirs (an article has one topic), the rest have none.
  const ticked = (label) => page.getByTestId('facet-topic').locator('label').filter({ has: page.locator('.facet-label', { hasText: label }) }).getByTestId('facet-option');
  await ticked(first).check();
  await page.waitForFunction(() => /matching/.test(document.getElementById('topics-heading')?.textContent ?? ''));
  await ticked(second).check();
  const total = sizes[first] + sizes[second];
  await page.waitForFunction((n) => new RegExp(`${n} matching article`).test(document.getElementById('topics-heading').textContent), total);
  const matched = await shownSizes();
  for (const [topic, size] of Object.entries(sizes)) {
    const expected = topic === first || topic === second ? size : 0;
    assert.equal(matched[topic], expected, `${topic}: ${matched[topic]} of the ${total} matches`);
  }
  // The sidebar still says what ticking another topic would add.
  const untickedCounts = await page.getByTestId('facet-topic').locator('label').evaluateAll((els) => els.map((e) => [e.querySelector('.facet-label').textContent.trim(), Number(e.querySelector('.facet-count').textContent)]));
  assert.ok(untickedCounts.some(([label, n]) => label !== first && label !== second && n > 0), JSON.stringify(untickedCounts));

  // A person chosen in the entities view: its column lists who is named with them, its own count is every match.
  await page.goto(`${server.url}?view=entities`);
  await page.getByTestId('entities-view').waitFor();
  const people = page.locator('section[aria-label=People]').getByTestId('entity');
  const before = await people.count();
  const name = (await people.first().locator('.entity-name').textContent()).trim();
  await people.first().click();
  await page.getByTestId('co-occurrence').waitFor();
  const heading = await page.locator('#entities-heading').textContent();
  const naming = Number(heading.match(/([\d,]+) matching article/)[1].replace(/,/g, ''));
  const listed = await people.evaluateAll((els) => els.map((e) => [e.querySelector('.entity-name').textContent.trim(), Number(e.querySelector('.facet-count').textContent)]));
  assert.ok(listed.some(([n, count]) => n === name && count === naming), `${name} is named in every match: ${JSON.stringify(listed)}`);
  assert.ok(listed.every(([, n]) => n >= 1 && n <= naming), JSON.stringify(listed));
  assert.ok(listed.length <= before, `${listed.length} named with ${name}, of ${before}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('quotes: every quotation with speaker and article, searchable with the search box', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=quotes`);
  await page.getByTestId('quotes-view').waitFor();
  const quotes = page.getByTestId('quote');
  const all = await quotes.count();
  assert.ok(all >= 3, `the seed corpus has quotations (${all})`);
  const scope = async () => (await page.getByTestId('quote-scope').textContent()).trim();
  // For a failure's message: what the page shows, without waiting for anything.
  const state = () => page.evaluate(() => JSON.stringify({
    scope: document.querySelector('[data-testid=quote-scope]')?.textContent ?? '(no quotes view)',
    box: document.querySelector('[data-testid=search-input]')?.value,
    url: location.search,
    focus: document.activeElement?.outerHTML.slice(0, 80),
  }));
  assert.equal(await scope(), '· search with the box above');
  const first = (await quotes.first().locator('blockquote').textContent()).replace(/[“”]/g, '');
  const word = first.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w));
  await page.getByTestId('search-input').fill(word);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=quote]').length < n || document.querySelectorAll('[data-testid=quote] mark').length > 0, all);
  assert.ok((await quotes.count()) >= 1);
  // The heading says what the quotations are drawn from, as the results' heading does.
  assert.equal(await scope(), `in the articles for “${word}”`);
  assert.ok((await page.locator('[data-testid=quote] mark').count()) >= 1, 'the search word is marked');
  // While the word is still being typed, the quotations the results hold are found and marked as the results were.
  const typing = word.slice(0, 4);
  await page.getByTestId('search-input').fill(typing);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q')?.length === 4);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=quote] mark').length > 0, null, { timeout: 5_000 });
  const marked = await page.locator('[data-testid=quote] mark').allTextContents();
  assert.ok(marked.some((m) => m.toLowerCase().startsWith(typing.toLowerCase())), `a word starting with "${typing}" is marked: ${marked.join(' | ')}`);
  await page.getByTestId('search-input').fill(word);
  await page.waitForFunction((w) => new URL(location.href).searchParams.get('q') === w, word);
  // A link to copy or open in a new tab holds the search on screen, not the one its row was drawn for.
  const href = await quotes.first().locator('a').getAttribute('href');
  assert.equal(new URLSearchParams(href.replace(/^[^?]*/, '')).get('q'), word, href);
  await quotes.first().locator('a').click();
  await page.getByTestId('reader').waitFor();
  await page.keyboard.press('Escape');
  // A filter without a query: the quotations of the matching articles, and how many those are.
  await page.getByTestId('search-input').fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid=quote-scope]')?.textContent.includes('search with the box'), null, { timeout: 10_000 })
    .catch(async (error) => { throw new Error(`${error.message}; ${await state()}; problems: ${problems().join(' | ')}`); });
  const kind = page.getByTestId('facet-kind').locator('label').first();
  const articles = Number(await kind.locator('.facet-count').textContent());
  await kind.getByTestId('facet-option').check();
  await page.waitForFunction(() => /matching article/.test(document.querySelector('[data-testid=quote-scope]')?.textContent), null, { timeout: 10_000 })
    .catch(async (error) => { throw new Error(`${error.message}; ${await state()}; problems: ${problems().join(' | ')}`); });
  assert.equal(await scope(), `in ${articles} matching ${articles === 1 ? 'article' : 'articles'}`);
  // The rows kept from before the filter link with it too.
  for (const link of await quotes.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    assert.ok(new URLSearchParams(link.replace(/^[^?]*/, '')).has('kind'), link);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test('quotes: a search lists every quotation of its matches, those saying its words first', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=quotes&q=place:kashmir`);
  await page.getByTestId('quotes-view').waitFor();
  await page.getByTestId('quote').first().waitFor();
  const ofKashmir = await page.getByTestId('quote').count();
  // Who said what about Kashmir: the quotations do not say "Kashmir", yet they are the answer.
  // Before, the search listed none: "0 quotations for “kashmir”".
  await page.getByTestId('search-input').fill('kashmir');
  await page.waitForFunction(() => document.querySelector('[data-testid=quotes-others]'));
  assert.equal(await page.getByTestId('quote').count(), ofKashmir);
  assert.match(await page.getByTestId('quotes-others').textContent(), /No quotation says your words/);
  // A speaker's name: their quotations first, then the rest of their articles' quotations.
  await page.getByTestId('search-input').fill('dar');
  await page.waitForFunction(() => /More quotations/.test(document.querySelector('[data-testid=quotes-others]')?.textContent));
  const groups = await page.evaluate(() => {
    const heading = document.querySelector('[data-testid=quotes-others]');
    const speakers = (quotes) => quotes.map((q) => q.querySelector('.quote-speaker').textContent);
    const all = [...document.querySelectorAll('[data-testid=quote]')];
    const before = all.filter((q) => heading.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_PRECEDING);
    const after = all.filter((q) => heading.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { before: speakers(before), after: speakers(after) };
  });
  assert.ok(groups.before.length >= 1 && groups.before.every((s) => /\bDar\b/.test(s)), JSON.stringify(groups));
  assert.ok(groups.after.length >= 1 && groups.after.every((s) => !/\bDar\b/.test(s)), JSON.stringify(groups));
  assert.ok(await page.getByTestId('quotes-said').isVisible(), 'the first group says what it is');
  // Exported as listed, every one with its speaker and the article to cite it by: the first
  // group marked as saying the search's words.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-quotes').click()]);
  assert.equal(download.suggestedFilename(), 'dossier-quotes-dar.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const records = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(records[0], 'speaker,quotation,matches_search,title,date,date_inferred,url,reader,id,file');
  assert.equal(records.length - 1, groups.before.length + groups.after.length, 'every quotation listed, one record each');
  const exported = records.slice(1).map((r) => r.match(/^("(?:[^"]|"")*"|[^,]*),/)[1].replace(/^"|"$/g, ''));
  assert.deepEqual(exported, [...groups.before, ...groups.after].map((s) => (s === 'Unattributed' ? '' : s)));
  assert.ok(records.slice(1, 1 + groups.before.length).every((r) => r.includes(',true,')), 'the first group matches');
  // Each quotation says when, as its article is dated: the CSV's date, shown as the page shows dates.
  const firstDate = page.getByTestId('quote').first().locator('.quote-source time');
  assert.equal(await firstDate.getAttribute('datetime'), records[1].split(',').at(-6), 'the date column, sixth from the end');
  assert.match(await firstDate.textContent(), /^\d{1,2} [A-Z][a-z]{2} \d{4}/);
  const firstQuote = (await page.getByTestId('quote').first().locator('blockquote').textContent()).replace(/[“”]/g, '');
  assert.ok(csv.includes(firstQuote.replaceAll('"', '""')), firstQuote);
  // Each links back to its article in Dossier's reader, with the search that found it: a
  // corpus without publication addresses leaves nothing else to cite by.
  const [reader, id] = records[1].split(',').slice(-3, -1);
  const readerAddress = new URL(reader);
  assert.equal(readerAddress.searchParams.get('article'), id);
  assert.equal(readerAddress.searchParams.get('q'), 'dar');
  const firstTitle = (await page.getByTestId('quote').first().locator('.quote-source a').first().textContent()).trim();
  await page.goto(reader);
  await page.getByTestId('reader').waitFor();
  assert.equal((await page.locator('#reader-title').textContent()).trim(), firstTitle);
  // A compound found in both spellings says its words together: "cybersecurity" also finds
  // "cyber security", and a quotation about "cyber crime" does not say it.
  await page.goto(`${server.url}?view=quotes&q=cybersecurity`);
  await page.getByTestId('quotes-others').waitFor();
  const saying = await page.evaluate(() => {
    const heading = document.querySelector('[data-testid=quotes-others]');
    return [...document.querySelectorAll('[data-testid=quote]')]
      .filter((q) => heading.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_PRECEDING)
      .map((q) => ({ text: q.querySelector('blockquote').textContent, marks: [...q.querySelectorAll('blockquote mark')].map((m) => m.textContent) }));
  });
  assert.ok(saying.length >= 1, 'some quotation says it');
  for (const { text, marks } of saying) {
    assert.match(text, /cyber[\s-]?security/i, text);
    assert.ok(marks.every((m) => /^(cyber|security|cybersecurity)$/i.test(m)), marks.join(' | '));
  }
  // The person typed as a filter, or ticked: what they said first too (it came last).
  for (const query of ['q=person:dar', 'person=Ishaq+Dar']) {
    await page.goto(`${server.url}?view=quotes&${query}`);
    await page.getByTestId('quotes-others').waitFor();
    const speakers = await page.evaluate(() => {
      const heading = document.querySelector('[data-testid=quotes-others]');
      return [...document.querySelectorAll('[data-testid=quote]')]
        .filter((q) => heading.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_PRECEDING)
        .map((q) => q.querySelector('.quote-speaker').textContent);
    });
    assert.ok(speakers.length >= 1 && speakers.every((s) => s === 'Ishaq Dar'), `${query}: ${speakers.join(' | ')}`);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an action that leaves a view for the results puts focus on their heading, not back at the top of the page', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=topics`);
  const focusedId = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await page.getByTestId('topic-node').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  // The next Tab goes on into the results' toolbar, not to the skip link.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)), 'Tab stays in the results');
  await page.getByTestId('view-topics').click();
  await page.getByTestId('topic-all').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  await page.getByTestId('view-entities').click();
  await page.getByTestId('entity').first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('entity-results').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  // Switching with the view tabs leaves focus on the tab.
  await page.getByTestId('view-timeline').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('timeline-view').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'view-timeline', `focus on ${await focusedId()}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('every view has zero moderate, serious or critical axe-core violations (one h1, landmarks), and no console errors', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?q=cyber`);
  await page.getByTestId('result').first().waitFor();
  const report = {};
  const scan = async (name) => { report[name] = await axeViolations(page); };
  await scan('results');
  await screenshot(page, 'results');
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  await scan('reader');
  await page.keyboard.press('Escape');
  await page.getByTestId('reader').waitFor({ state: 'detached' });
  for (const view of ['topics', 'timeline', 'entities', 'quotes']) {
    await page.getByTestId(`view-${view}`).click();
    await page.getByTestId(`${view}-view`).waitFor();
    await scan(view);
    if (view !== 'timeline') await screenshot(page, view);
  }
  await page.keyboard.press('?');
  await page.getByTestId('help').waitFor();
  await scan('help');
  await page.keyboard.press('Escape');
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('view-results').click();
  await page.getByTestId('result').first().waitFor();
  await scan('results-dark');
  for (const [name, violations] of Object.entries(report)) {
    assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 1)}`);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the theme follows the system, and the toggle wins and persists across reloads', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { colorScheme: 'dark' });
  await page.getByTestId('result').first().waitFor();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const luminance = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  assert.ok(luminance(await background()) < 60, `system dark gives a dark page: ${await background()}`);
  await screenshot(page, 'dark');
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.ok(luminance(await background()) > 200, 'the toggle switches to light');
  assert.equal(await page.evaluate(() => localStorage.getItem('dossier-theme')), 'light');
  await page.reload();
  await page.getByTestId('result').first().waitFor();
  assert.ok(luminance(await background()) > 200, 'the choice survives a reload');
  assert.equal(await page.getByTestId('theme-toggle').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('at 360 px the topic map keeps its labels inside, and the timeline\'s labels are readable', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?view=topics`, { viewport: { width: 360, height: 740 } });
  const map = page.getByTestId('topic-map');
  await map.waitFor();
  const box = await map.boundingBox();
  const labels = await page.locator('[data-testid=topic-node] text:not(.topic-size)').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right }; }));
  assert.ok(labels.length > 0);
  for (const label of labels) assert.ok(label.left >= box.x - 1 && label.right <= box.x + box.width + 1, `${label.text}: ${label.left}..${label.right} outside ${box.x}..${box.x + box.width}`);
  // Readable: a label's terms one under another, each line about 12 px (a label on one line as
  // long as the map was wide was drawn at 8 px).
  const lines = await page.locator('[data-testid=topic-node] text:not(.topic-size) tspan').evaluateAll((els) => els.map((e) => ({ text: e.textContent, height: e.getBoundingClientRect().height })));
  assert.ok(lines.length > labels.length, `${lines.length} lines for ${labels.length} labels`);
  for (const line of lines) assert.ok(line.height >= 13, `"${line.text}" is ${line.height} px tall`);
  await page.getByTestId('view-timeline').click();
  await page.getByTestId('timeline-chart').waitFor();
  // Drawn at its width on screen: as tall as on a wide screen (it was a scaled-down 100 px).
  const chart = await page.getByTestId('timeline-chart').boundingBox();
  assert.ok(chart.height >= 250, `the chart is ${chart.height} px tall`);
  await assertTimelineLabelsReadable(page);
  // Every year labelled, short ("’24"): "2024" labelled every other one, 2018 and 2024 none.
  const axis = await page.locator('.axis-label.period').allTextContents();
  assert.equal(axis.length, await page.getByTestId('timeline-bar').count(), axis.join(' '));
  assert.ok(axis.every((label) => /^\u2019\d\d$/.test(label)), axis.join(' '));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('at 360 px a very long search word wraps instead of widening the page', async () => {
  const word = 'Indusriverwaterstreatyworldbankarbitration'.repeat(3);
  const { page, context, problems } = await openPage(browser, `${server.url}?q=${word}`, { viewport: { width: 360, height: 740 } });
  await page.locator('#results-heading').waitFor();
  await page.waitForFunction((w) => document.querySelector('main').textContent.includes(w), word);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling (${width}px)`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('at 360 px the reader lists the first places its search appears, then the article; a desktop lists them all', async () => {
  // Nine lines of "Where your search terms appear" took a phone's screen and a half.
  const address = `${server.url}?q=indus+treaty`;
  const { page, context, problems } = await openPage(browser, address, { viewport: { width: 360, height: 740 } });
  const id = await page.getByTestId('result').first().getAttribute('data-article-id');
  await page.goto(`${address}&article=${id}`);
  const kwic = page.getByTestId('kwic');
  await kwic.waitFor();
  const lines = await kwic.locator('li').count();
  assert.ok(lines > 3, `enough lines to fold (${lines})`);
  const shown = () => kwic.locator('li').evaluateAll((items) => items.filter((li) => li.checkVisibility()).length);
  assert.equal(await shown(), 3);
  const more = kwic.getByRole('button', { name: 'Show all' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  const height = () => kwic.evaluate((box) => box.getBoundingClientRect().height);
  const folded = await height();
  await screenshot(page, 'mobile-reader-search');
  await more.click();
  assert.equal(await shown(), lines);
  const unfolded = await height();
  assert.ok(folded < unfolded * 0.6, `folded ${folded}px, unfolded ${unfolded}px`);
  assert.equal(await kwic.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded'), 'true');
  // A desktop has room for them all, and no button.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await kwic.waitFor();
  assert.equal(await shown(), lines);
  assert.equal(await kwic.getByRole('button').isVisible(), false);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('at 360 px the filters are a drawer that opens, works and closes', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 360, height: 740 } });
  await page.getByTestId('result').first().waitFor();
  const sidebar = page.getByTestId('sidebar');
  assert.equal(await sidebar.isVisible(), false, 'the sidebar is hidden off-canvas');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling (${width}px)`);
  await screenshot(page, 'mobile');
  await page.getByTestId('filters-button').click();
  await sidebar.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'drawer-close', null, { timeout: 2_000 });
  await page.waitForTimeout(250);
  await screenshot(page, 'mobile-filters');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByTestId('facet-kind').getByTestId('facet-option').first().check();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('kind'));
  await page.keyboard.press('Escape');
  await sidebar.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'filters-button');
  // With the drawer closed, its button says a filter is on.
  assert.equal((await page.getByTestId('filters-count').textContent()).trim(), '1 on');
  assert.ok(await page.getByTestId('filters-count').isVisible());
  // Its close button returns focus where it came from too.
  await page.getByTestId('filters-button').click();
  await sidebar.waitFor({ state: 'visible' });
  await page.getByTestId('drawer-close').click();
  await sidebar.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'filters-button');
  // The reader takes the whole screen and closes back to the list.
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  await screenshot(page, 'mobile-reader');
  // What it covers is out of Tab's reach: Shift+Tab from its close button went into the list
  // hidden behind it.
  await page.getByTestId('reader-close').focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('header, [data-testid=main], [data-testid=sidebar], .skip-link')), false,
      'focus stays out of the page behind the reader');
  }
  await page.getByTestId('reader-close').click();
  await page.getByTestId('reader').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('main').evaluate((m) => m.inert), false, 'the page is back in reach once the reader closes');
  assert.deepEqual(problems(), []);
  await context.close();
});
