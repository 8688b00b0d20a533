// Installs this repository's Git hooks (.husky/) for contributors, from `npm ci` or `npm install`
// (the `prepare` script). It never fails the install, and does nothing where hooks have no use:
// in CI, with HUSKY=0, when husky is not installed (an install without dev dependencies), or
// outside a Git work tree (husky then says so).
if (!process.env.CI && process.env.HUSKY !== '0' && process.env.NODE_ENV !== 'production') {
  try {
    const { default: husky } = await import('husky');
    const message = husky();
    if (message) console.log(`husky: ${message}`);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') console.log(`husky: hooks not installed: ${error?.message ?? error}`);
  }
}
