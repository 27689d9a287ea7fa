/**
 * Administrative divisions (GB/T 2260: province → prefecture → county), region scope checks and
 * the recognitions a county holds.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Regions",
        allowedDependencies = {"config"})
package cn.fazhi.portal.region;
