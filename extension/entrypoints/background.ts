export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    console.info('Spendprint installed');
  });
});
