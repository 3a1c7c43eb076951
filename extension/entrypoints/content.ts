export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  main() {
    document.documentElement.dataset.spendprint = 'ready';
  },
});
