/** Output files and folders: checked before work starts, written whole or not at all, failures in one line. */
export { checkOutputDir, checkOutputFile, makeDirs } from "./dirs";
export { moveIntoPlace, temporaryNameOf, writeFileAtomically } from "./write";
