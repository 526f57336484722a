package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.courier.CourierService;
import com.smartpackageroom.ejb.courier.CourierView;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.keys.KeyMaintenance;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The Courier Detail page (seed 003): the courier's account and, for property managers and
 * administrators, Access Key Maintenance. Staff see couriers but do not change them; another site's
 * courier is not found.
 */
@Named
@ViewScoped
public class CourierDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CourierService couriers;
  @EJB AccessKeyService accessKeys;
  @Inject PortalUser me;

  private Long id;
  private CourierView courier;
  private KeyMaintenance keys;

  public void load() {
    try {
      courier = couriers.get(me.caller(), me.getSiteId(), id);
      keys =
          new KeyMaintenance(
              accessKeys, me::caller, me.getSiteId(), HolderKind.COURIER, id, "keys:list");
    } catch (DomainException e) {
      courier = null; // another site's, or none: "not found" either way
    }
  }

  /** Property managers and administrators keep couriers' keys; staff only look. */
  public boolean isMayManage() {
    return courier != null && me.isManager();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public CourierView getCourier() {
    return courier;
  }

  public KeyMaintenance getKeys() {
    return keys;
  }
}
