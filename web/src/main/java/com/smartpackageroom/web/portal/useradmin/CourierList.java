package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.courier.CourierService;
import com.smartpackageroom.ejb.courier.CourierView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** User Admin > Couriers: the site's courier accounts. */
@Named
@ViewScoped
public class CourierList implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CourierService couriers;
  @Inject PortalUser me;

  private List<CourierView> list = List.of();

  public void load() {
    try {
      list = me.getSiteId() == null ? List.of() : couriers.list(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
  }

  public List<CourierView> getCouriers() {
    return list;
  }
}
