// The standalone browser build of Vue (with the template compiler) has the same API as 'vue'.
export * from 'vue';
