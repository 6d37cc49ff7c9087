export default defineBackground(() => {
  console.log('Engine Lens background started');
});
