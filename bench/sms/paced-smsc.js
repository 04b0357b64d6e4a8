// A paced SMS-C for mobim's SMS command path (node-smpp, independent of jSMPP). Loopback only.
// Once an ESME binds (transceiver or receiver), it sends RATE deliver_sm per second for DURATION seconds, after WARM
// seconds at the same rate that are not counted, each "1 p<seq>" from one of SENDERS numbers (447700900000 + i) to
// SHORTCODE, and answers every submit_sm. Each MT is matched to its MO exactly by the "p<seq>" tag the platform
// carries into the message, so the latencies are per command: deliver_sm sent -> deliver_sm_resp (MO durable), and
// deliver_sm sent -> submit_sm of the MT received (the command's whole path). Prints one JSON line at the end.
// With TIMES=<file>, also writes each command's times (seq, deliver_sm sent, deliver_sm_resp, MT received; wall-clock
// ms) for bench/sms/PathHops.java, which splits the path into hops.
// Env: SMSC_PORT(27775) RATE(1000) DURATION(30) WARM(10) SENDERS(1000) SHORTCODE(20123) IDLE_MS(15000) TIMES
const smpp = require('smpp');
const env = process.env, log = (o) => console.log(JSON.stringify(o));
const RATE = +(env.RATE || 1000), SECONDS = +(env.DURATION || 30), WARM = +(env.WARM || 10), SENDERS = +(env.SENDERS || 1000);
const SHORTCODE = env.SHORTCODE || '20123', IDLE_MS = +(env.IDLE_MS || 15000);
const now = () => performance.timeOrigin + performance.now(); // wall clock, sub-millisecond, as the JVM's
const warmN = RATE * WARM, total = warmN + RATE * SECONDS;
const sentAt = new Float64Array(total), respAt = new Float64Array(total), mtAt = new Float64Array(total);
let session = null, started = false, sent = 0, resps = 0, respErr = 0, mts = 0, dupMts = 0, stray = 0, t0 = 0, lastEvent = 0;

function tick() {
  const due = Math.min(total, Math.floor((now() - t0) * RATE / 1000));
  while (sent < due && session) {
    const k = sent++, from = String(447700900000 + (k % SENDERS));
    sentAt[k] = now();
    session.deliver_sm({ source_addr: from, source_addr_ton: 1, source_addr_npi: 1, destination_addr: SHORTCODE,
      dest_addr_ton: 0, dest_addr_npi: 1, data_coding: 0, short_message: Buffer.from('1 p' + k, 'latin1') }, (r) => {
      resps++; lastEvent = now();
      if (r.command_status !== 0) respErr++; else respAt[k] = lastEvent;
    });
  }
  if (sent < total) setTimeout(tick, 1); else setTimeout(waitEnd, 200);
}
function waitEnd() {
  if (mts >= total || now() - lastEvent > IDLE_MS) finish(); else setTimeout(waitEnd, 200);
}
function pct(a, p) { return a.length ? Math.round(a[Math.min(a.length - 1, Math.ceil(p / 100 * a.length) - 1)] * 1000) / 1000 : null; }
function summary(from, to, at) {
  const l = []; let missing = 0;
  for (let k = from; k < to; k++) { if (at[k] > 0) l.push(at[k] - sentAt[k]); else missing++; }
  l.sort((a, b) => a - b);
  return { n: l.length, missing, p50: pct(l, 50), p90: pct(l, 90), p99: pct(l, 99), max: pct(l, 100) };
}
function finish() {
  const measuredS = (sentAt[total - 1] - sentAt[warmN]) / 1000;
  log({ ev: 'result', rate: RATE, seconds: SECONDS, warm_s: WARM, sent, deliver_sm_resp: resps, resp_errors: respErr, mt_received: mts,
    mt_duplicates: dupMts, mt_unmatched: stray, offered_per_s: Math.round((total - warmN) / measuredS),
    mo_ack_ms: summary(warmN, total, respAt), mt_ms: summary(warmN, total, mtAt) });
  if (env.TIMES) {
    const rows = [];
    for (let k = 0; k < total; k++) rows.push(k + ',' + sentAt[k] + ',' + respAt[k] + ',' + mtAt[k]);
    require('fs').writeFileSync(env.TIMES, rows.join('\n') + '\n');
  }
  setTimeout(() => process.exit(0), 100);
}
const server = smpp.createServer((s) => {
  const onBind = (pdu) => {
    s.send(pdu.response({ system_id: 'PACED' }));
    log({ ev: pdu.command, system_id: pdu.system_id });
    if (pdu.command !== 'bind_transmitter' && !started) { session = s; started = true; setTimeout(() => { t0 = now(); tick(); }, 1000); }
  };
  ['bind_transceiver', 'bind_transmitter', 'bind_receiver'].forEach((c) => s.on(c, onBind));
  let nextId = 0x1000;
  s.on('submit_sm', (pdu) => {
    s.send(pdu.response({ message_id: (nextId++).toString(16).toUpperCase() }));
    const m = pdu.short_message || {}, text = Buffer.isBuffer(m.message) ? m.message.toString('latin1') : String(m.message);
    const tag = /\bp(\d+)\b/.exec(text);
    lastEvent = now();
    if (!tag || +tag[1] >= total) { stray++; return; }
    const k = +tag[1];
    if (mtAt[k] > 0) { dupMts++; return; }
    mtAt[k] = lastEvent; mts++;
  });
  s.on('enquire_link', (pdu) => s.send(pdu.response()));
  s.on('unbind', (pdu) => { s.send(pdu.response()); s.close(); });
  s.on('error', (e) => log({ ev: 'error', msg: e.message }));
  s.on('close', () => { if (s === session) session = null; });
});
server.listen(+(env.SMSC_PORT || 27775), '127.0.0.1', () => log({ ev: 'listening', port: server.address().port, rate: RATE }));
