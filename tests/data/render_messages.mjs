// NDJSON Cucumber Messages on stdin -> @cucumber/html-formatter's report page on stdout.
import { createInterface } from 'node:readline'
import { CucumberHtmlStream } from '@cucumber/html-formatter'
const html = new CucumberHtmlStream()
html.pipe(process.stdout)
const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => { if (line.trim()) html.write(JSON.parse(line)) })
lines.on('close', () => html.end())
